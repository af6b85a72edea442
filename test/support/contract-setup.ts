/**
 * Jest setupFilesAfterEnv: a test fails when a response of a test app broke the OpenAPI contract during it
 * (test/support/contract.ts), so every API test checks the document without saying so.
 */
import { controleerContracten } from './contract';

afterEach(() => controleerContracten());
afterAll(() => controleerContracten());
