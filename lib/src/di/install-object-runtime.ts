import { useObjectRuntime } from '../model/object-runtime';
import { ContainerObjectRuntime } from './container-object-runtime';

// The package entry imports this file: config objects get their store and runtime from the
// dependency-injection containers. It changes gren's own state only, not the host process.
useObjectRuntime(new ContainerObjectRuntime());
