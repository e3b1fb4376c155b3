import { X509Certificate } from "node:crypto";
import { certificateSerial, createServerCertificate } from "../../../provider/protocol/auto-mtls";

describe("createServerCertificate", () => {
  const cert = createServerCertificate();
  const x509 = new X509Certificate(cert.der);

  it("is a self-signed ECDSA P-256 certificate for localhost, usable as its own root", () => {
    expect(x509.subjectAltName).toBe("DNS:localhost");
    expect(x509.ca).toBe(true);
    expect(x509.verify(x509.publicKey)).toBe(true);
    expect(x509.publicKey.asymmetricKeyDetails).toMatchObject({ namedCurve: "prime256v1" });
    expect(x509.keyUsage).toEqual(expect.arrayContaining(["1.3.6.1.5.5.7.3.1"]));
    expect(new Date(x509.validFrom).getTime()).toBeLessThanOrEqual(Date.now());
    expect(new Date(x509.validTo).getTime()).toBeGreaterThan(Date.now());
  });

  it("gives the handshake its DER in base64 without padding", () => {
    expect(cert.handshakeBase64).not.toMatch(/=/);
    expect(Buffer.from(cert.handshakeBase64, "base64").equals(cert.der)).toBe(true);
  });

  it("is new for every process", () => {
    expect(createServerCertificate().der.equals(cert.der)).toBe(false);
  });
});

describe("certificateSerial", () => {
  it.each([
    ["leading zero", "00" + "7f".repeat(15)],
    ["leading high bit", "ff".repeat(16)],
    ["leading 0x3f", "3f" + "00".repeat(15)],
  ])("is a minimal positive DER integer even with a %s", (_name, random) => {
    const serial = certificateSerial(Buffer.from(random, "hex"));
    expect(serial[0]! >= 0x40 && serial[0]! <= 0x7f).toBe(true);
    expect(serial).toHaveLength(16);
  });

  it("parses in OpenSSL for many random serials (a bad one used to fail 1 launch in 256)", () => {
    for (let i = 0; i < 64; i++) {
      const { der } = createServerCertificate();
      expect(() => new X509Certificate(der)).not.toThrow();
    }
  });
});
