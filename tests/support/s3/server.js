// SPDX-License-Identifier: MIT
// Starts s3rver on a free loopback port (port 0) and writes the endpoint to a file.
// usage: node server.js DATA_DIR ENDPOINT_FILE BUCKET
'use strict';
const fs = require('fs');
const S3rver = require('s3rver');

const [dataDir, endpointFile, bucket] = process.argv.slice(2);
const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    directory: dataDir,
    silent: true,
    configureBuckets: [{ name: bucket }],
});
server.run().then(({ address, port }) => {
    fs.writeFileSync(endpointFile + '.tmp', `http://${address}:${port}\n`);
    fs.renameSync(endpointFile + '.tmp', endpointFile);
}, (error) => {
    console.error(`s3rver failed to start: ${error}`);
    process.exit(1);
});
const stop = () => server.close().finally(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
