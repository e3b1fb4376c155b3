/**
 * CIDR ranges as the API's `ip_filter` takes them: an IPv4 or IPv6 address, `/`, and a prefix length
 * the address family allows. Shared by the spec's validator (plan time, CDK synth) and the local
 * control plane (a 400), so `10.0.0.0/33` and `999.1.1.1/8` are refused the same way everywhere.
 */
import { isIPv4, isIPv6 } from "node:net";

/** The API's limit on one `ip_filter` entry (reference: `ip_filter_string`, CIDR <= 43 characters). */
export const CIDR_MAX_LENGTH = 43;

export function isCidr(text: string): boolean {
  const slash = text.indexOf("/");
  if (slash <= 0 || slash !== text.lastIndexOf("/") || text.length > CIDR_MAX_LENGTH) return false;
  const address = text.slice(0, slash);
  const prefix = text.slice(slash + 1);
  if (!/^(0|[1-9][0-9]{0,2})$/.test(prefix)) return false;
  // A zone (`fe80::1%eth0`) names an interface of one machine: meaningless in a filter.
  const bits = isIPv4(address) ? 32 : isIPv6(address) && !address.includes("%") ? 128 : 0;
  return bits > 0 && Number(prefix) <= bits;
}
