/** The project name every task-execution stack deploys under; other projects read its parameters by it. */
export const taskExecutionProject = 'task-execution';
