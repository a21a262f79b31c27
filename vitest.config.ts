import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Both cores: many files wait on HTTP (the S3 server, the browser) while another computes.
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // s3rver 3.7.1 (the S3 server the integration tests start) fails paginated listings under
    // OpenSSL 3 without the legacy provider.
    execArgv: ['--openssl-legacy-provider'],
  },
});
