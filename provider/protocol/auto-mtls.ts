/**
 * go-plugin AutoMTLS, server side: a fresh ECDSA P-256 certificate per process, built as DER by
 * hand on node:crypto (no certificate library: they cost tens of ms per launch).
 */
import { generateKeyPairSync, randomBytes, sign } from "node:crypto";

export interface ServerCertificate {
  /** DER of the leaf certificate. */
  der: Buffer;
  certPem: string;
  keyPem: string;
  /** The handshake's last field: standard base64 without padding (Go's RawStdEncoding). */
  handshakeBase64: string;
}

function length(n: number): Buffer {
  if (n < 0x80) return Buffer.from([n]);
  const bytes: number[] = [];
  for (let v = n; v > 0; v >>= 8) bytes.unshift(v & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

const tlv = (tag: number, ...content: Buffer[]): Buffer => {
  const body = Buffer.concat(content);
  return Buffer.concat([Buffer.from([tag]), length(body.length), body]);
};
const seq = (...c: Buffer[]) => tlv(0x30, ...c);
const set = (...c: Buffer[]) => tlv(0x31, ...c);

function oid(dotted: string): Buffer {
  const parts = dotted.split(".").map(Number);
  const bytes = [parts[0]! * 40 + parts[1]!];
  for (const p of parts.slice(2)) {
    const chunk: number[] = [p & 0x7f];
    for (let v = Math.floor(p / 128); v > 0; v = Math.floor(v / 128)) chunk.unshift((v & 0x7f) | 0x80);
    bytes.push(...chunk);
  }
  return tlv(0x06, Buffer.from(bytes));
}

function utcTime(d: Date): Buffer {
  const p = (n: number) => String(n).padStart(2, "0");
  const s = `${p(d.getUTCFullYear() % 100)}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}Z`;
  return tlv(0x17, Buffer.from(s, "ascii"));
}

const utf8 = (s: string) => tlv(0x0c, Buffer.from(s, "utf8"));
const extension = (id: string, critical: boolean, value: Buffer) =>
  seq(oid(id), ...(critical ? [tlv(0x01, Buffer.from([0xff]))] : []), tlv(0x04, value));

/**
 * A serial that is a minimal, positive DER INTEGER: first byte in 0x40..0x7f. A random leading
 * 0x00 makes a non-minimal encoding that OpenSSL rejects before the handshake (~1 in 256 starts).
 */
export function certificateSerial(random: Buffer = randomBytes(16)): Buffer {
  const serial = Buffer.from(random);
  serial[0] = 0x40 | (serial[0]! & 0x3f);
  return serial;
}

export function createServerCertificate(now: Date = new Date()): ServerCertificate {
  const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "prime256v1" });
  const spki = publicKey.export({ type: "spki", format: "der" });
  const ecdsaWithSha256 = seq(oid("1.2.840.10045.4.3.2"));
  const name = seq(set(seq(oid("2.5.4.10"), utf8("flinkform"))), set(seq(oid("2.5.4.3"), utf8("localhost"))));
  // Clock skew between terraform and us is zero (same host), but allow a little anyway.
  const notBefore = new Date(now.getTime() - 60_000);
  const notAfter = new Date(now.getTime() + 365 * 24 * 3600_000);
  const extensions = seq(
    // digitalSignature | keyEncipherment | keyAgreement | keyCertSign, as go-plugin's own cert.
    extension("2.5.29.15", true, tlv(0x03, Buffer.from([0x02, 0xac]))),
    extension("2.5.29.37", false, seq(oid("1.3.6.1.5.5.7.3.1"), oid("1.3.6.1.5.5.7.3.2"))),
    extension("2.5.29.19", true, seq(tlv(0x01, Buffer.from([0xff])))),
    // The Go client verifies ServerName "localhost" against the SAN, never the CN.
    extension("2.5.29.17", false, seq(tlv(0x82, Buffer.from("localhost", "ascii")))),
  );
  const tbs = seq(
    tlv(0xa0, tlv(0x02, Buffer.from([0x02]))),
    tlv(0x02, certificateSerial()),
    ecdsaWithSha256,
    name,
    seq(utcTime(notBefore), utcTime(notAfter)),
    name,
    spki,
    tlv(0xa3, extensions),
  );
  const signature = sign("sha256", tbs, privateKey);
  const der = seq(tbs, ecdsaWithSha256, tlv(0x03, Buffer.from([0x00]), signature));
  const b64 = der.toString("base64");
  const certPem = `-----BEGIN CERTIFICATE-----\n${b64.replace(/.{1,64}/g, "$&\n")}-----END CERTIFICATE-----\n`;
  const keyPem = privateKey.export({ type: "pkcs8", format: "pem" }) as string;
  return { der, certPem, keyPem, handshakeBase64: b64.replace(/=+$/, "") };
}
