import { GREN_CONFIG } from '../settings/gren-config';
import { installUncaughtErrorPrinter } from './uncaught-handler';

// Loaded for its effect by the package entry, as the Python gren installs its traceback hook on import.
installUncaughtErrorPrinter(GREN_CONFIG.richUncaughtTracebacks);
