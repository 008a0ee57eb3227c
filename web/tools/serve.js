#!/usr/bin/env node
// `npm start`'s last step: serves web/ on http://localhost:8080 (or $PORT, on $HOST) and prints the URL.
import { startServer } from './static-server.js';

const { url } = await startServer({
  port: Number(process.env.PORT ?? 8080),
  host: process.env.HOST ?? '127.0.0.1',
});
console.log(`esptool-wasm page: ${url}`);
