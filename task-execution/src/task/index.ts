export * from './ecs-task.ts';
export * from './ecs-task-props.ts';
export * from './fargate-size.ts';
export * from './task.ts';
export * from './task-base.ts';
export * from './task-props.ts';
export * from './topic-source.ts';
