import { describe, expect, it } from "vitest";
import { tokenCookie } from "./token-cookie.server.ts";

const cookie = tokenCookie("filet_example");
const token = "A".repeat(42) + "_";
const request = (header: string) => new Request("https://filet.test/", { headers: { cookie: header } });

describe("token cookie", () => {
  it("takes the __Host- prefix and Secure behind HTTPS only", () => {
    expect(cookie.serialize(token, true)).toBe(`__Host-filet_example=${token}; Path=/; HttpOnly; SameSite=Lax; Secure`);
    expect(cookie.serialize(token, false, 600)).toBe(`filet_example=${token}; Path=/; HttpOnly; SameSite=Lax; Max-Age=600`);
    expect(cookie.clear(true)).toBe("__Host-filet_example=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0; Secure");
  });

  it("reads only its own name, and only a token-shaped value", () => {
    expect(cookie.read(request(`other=1; __Host-filet_example=${token}`), true)).toBe(token);
    // Over HTTPS a cookie without the prefix could have been planted by a subdomain: not ours.
    expect(cookie.read(request(`filet_example=${token}`), true)).toBeNull();
    expect(cookie.read(request(`filet_example=${token}x`), false)).toBeNull();
    expect(cookie.read(request("filet_example=../../etc"), false)).toBeNull();
    expect(cookie.read(new Request("https://filet.test/"), false)).toBeNull();
  });
});
