import { afterAll, afterEach } from "vitest";
import { checkPageErrors } from "./page-errors.ts";

/*
 * Setup file of the e2e project (vitest.config.ts): a test fails when a page it drove had an
 * error (tests/e2e/page-errors.ts). Errors seen in a file's beforeAll go to its first test;
 * those seen after its last test (in its afterAll) fail the file.
 */
afterEach(() => {
  checkPageErrors("during this test");
});

afterAll(() => {
  checkPageErrors("after the file's last test");
});
