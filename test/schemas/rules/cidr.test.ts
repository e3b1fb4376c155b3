import { isCidr } from "../../../schemas/rules/cidr";

/** What `ip_filter` takes (plan time and the control plane): both address families, sane prefixes. */
describe("isCidr", () => {
  test.each([
    "10.0.0.0/8",
    "0.0.0.0/0",
    "255.255.255.255/32",
    "192.168.1.7/32",
    "::/0",
    "2001:db8::/32",
    "fe80::1/128",
    "::ffff:10.0.0.0/104",
    "2001:0db8:0000:0000:0000:ff00:0042:8329/64",
  ])("accepts %s", (value) => {
    expect(isCidr(value)).toBe(true);
  });

  test.each([
    ["10.0.0.0/33", "IPv4 prefix over 32"],
    ["999.1.1.1/8", "octet over 255"],
    ["256.0.0.0/8", "octet over 255"],
    ["10.0.0/8", "three octets"],
    ["010.0.0.0/8", "leading zero in an octet"],
    ["10.0.0.1", "no prefix"],
    ["10.0.0.0/", "empty prefix"],
    ["/8", "no address"],
    ["10.0.0.0/08", "leading zero in the prefix"],
    ["10.0.0.0/-1", "negative prefix"],
    ["10.0.0.0/8/8", "two prefixes"],
    ["10.0.0.0 /8", "a space"],
    ["2001:db8::/129", "IPv6 prefix over 128"],
    ["2001:db8:::/32", "three colons"],
    ["2001:db8::g/32", "not hex"],
    ["fe80::1%eth0/64", "a zone"],
    ["example.com/8", "a host name"],
    ["", "empty"],
    [`${"1:".repeat(20)}:/64`, "longer than the API's 43 characters"],
  ])("refuses %s (%s)", (value) => {
    expect(isCidr(value)).toBe(false);
  });
});
