import { parseErrorBody } from "../../../provider/client/errors";

describe("parseErrorBody", () => {
  test("reads the API's envelope", () => {
    const body = JSON.stringify({
      errors: [
        {
          message: "Integration not found: 1234",
          status: 404,
          error_code: "not_found",
          more_info: "https://x",
        },
      ],
      message: "Integration not found: 1234",
    });
    expect(parseErrorBody(body, 404)).toEqual({
      message: "Integration not found: 1234",
      errors: [
        {
          message: "Integration not found: 1234",
          status: 404,
          error_code: "not_found",
          more_info: "https://x",
        },
      ],
    });
  });

  test("falls back to the first entry of errors[] when there is no top-level message", () => {
    expect(
      parseErrorBody(JSON.stringify({ errors: [{ message: "bad plan", status: 400 }] }), 400).message,
    ).toBe("bad plan");
  });

  test("keeps plain text and says so when the body is empty", () => {
    expect(parseErrorBody("upstream connect error", 503)).toEqual({
      message: "upstream connect error",
      errors: [],
    });
    expect(parseErrorBody("", 502).message).toBe("HTTP 502 with an empty body");
    expect(parseErrorBody("[1,2]", 500).message).toBe("[1,2]");
  });

  test("ignores malformed entries of errors[]", () => {
    const body = JSON.stringify({ errors: [null, 5, { status: 409 }], message: "exists" });
    expect(parseErrorBody(body, 409)).toEqual({ message: "exists", errors: [{ message: "", status: 409 }] });
  });
});
