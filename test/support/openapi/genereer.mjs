// openapi-typescript as its own process (its dependencies are ES modules, which Jest's module system cannot
// load): reads an OpenAPI document on stdin, writes the TypeScript types on stdout.
import process from 'node:process';
import openapiTS, { astToString } from 'openapi-typescript';

let invoer = '';
process.stdin.setEncoding('utf8');
for await (const stuk of process.stdin) invoer += stuk;
const ast = await openapiTS(JSON.parse(invoer));
process.stdout.write(astToString(ast));
