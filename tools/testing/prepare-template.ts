import { prepareTemplate, testServerUrl } from '@accord/api/shared/testing';

const serverUrl = testServerUrl();
if (serverUrl) {
  prepareTemplate(serverUrl).catch((error: unknown) => {
    process.stderr.write(`could not prepare the test template database: ${String(error)}\n`);
    process.exit(1);
  });
}
