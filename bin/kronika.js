#!/usr/bin/env node
// The `kronika` command: compiled JavaScript from dist/ when it matches src/, else the sources (bin/run.js).
import { run } from './run.js';

await run('cli/main');
