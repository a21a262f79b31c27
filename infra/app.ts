// Entry point of the CDK CLI (see cdk.json "app"). Context comes from cdk.json and `-c key=value`.
import { ConfigError } from './config';
import { createApp } from './createApp';

try {
  createApp();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}
