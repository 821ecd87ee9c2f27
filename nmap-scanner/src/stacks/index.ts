export * from './nmap-scanner-app.ts';
export * from './nmap-scanner-project.ts';
export * from './nmap-scanner-settings.ts';
export * from './nmap-task-stack.ts';
