import { ConfigError, loadConfig, type Config } from '../../config/src/config.js';

/** For a process's main: a bad configuration value stops it (exit 2) with a message naming the variable. */
export function loadConfigOrExit(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`configuration error: ${error.message}`);
      process.exit(2);
    }
    throw error;
  }
}
