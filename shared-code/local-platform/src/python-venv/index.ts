export * from './install-into-venv.ts';
