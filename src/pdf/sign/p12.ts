/**
 * The signing key and certificates from a PKCS#12 file. node:crypto cannot
 * read PKCS#12, so node-forge decrypts it (modern OpenSSL 3 files with
 * AES/PBKDF2 included); the key leaves as PEM for node:crypto to sign with.
 */
import { X509Certificate, createPrivateKey } from 'node:crypto';
import { createRequire } from 'node:module';
import type * as Forge from 'node-forge';

export interface SigningIdentity {
  /** PKCS#8 PEM private key. */
  keyPem: string;
  /** The certificate whose public key matches the private key. */
  certificate: X509Certificate;
  /** The other certificates in the file (intermediates, CA), in file order. */
  chain: X509Certificate[];
}

let forgeModule: typeof Forge | undefined;
/**
 * node-forge (about 100 ms to load) on first use: the build imports this
 * module to open a --sign key, and an ordinary build must not pay for it.
 */
const loadForge = () => (forgeModule ??= createRequire(import.meta.url)('node-forge') as typeof Forge);

export function readP12(p12: Uint8Array, passphrase: string): SigningIdentity {
  const forge = loadForge();
  const SHROUDED_KEY = forge.pki.oids.pkcs8ShroudedKeyBag as string;
  const KEY = forge.pki.oids.keyBag as string;
  const CERT = forge.pki.oids.certBag as string;
  let store: Forge.pkcs12.Pkcs12Pfx;
  try {
    const asn1 = forge.asn1.fromDer(forge.util.createBuffer(Buffer.from(p12).toString('binary')));
    store = forge.pkcs12.pkcs12FromAsn1(asn1, false, passphrase);
  } catch (error) {
    throw new Error(`the PKCS#12 key file cannot be opened (wrong passphrase, or not a .p12 file): ${(error as Error).message}`);
  }
  const bags = (type: string): Forge.pkcs12.Bag[] => store.getBags({ bagType: type })[type] ?? [];
  const keyBags = [...bags(SHROUDED_KEY), ...bags(KEY)];
  const key = keyBags[0]?.key as Forge.pki.rsa.PrivateKey | undefined;
  if (!key) throw new Error('the PKCS#12 key file holds no private key (deckhand signs with RSA keys)');
  const certs = bags(CERT)
    .map((bag) => bag.cert)
    .filter((c): c is Forge.pki.Certificate => c !== undefined)
    .map((c) => new X509Certificate(Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(c)).getBytes(), 'binary')));
  const keyPem = forge.pki.privateKeyInfoToPem(forge.pki.wrapRsaPrivateKey(forge.pki.privateKeyToAsn1(key)));
  const certificate = certs.find((c) => c.checkPrivateKey(createPrivateKey(keyPem)));
  if (!certificate) throw new Error('the PKCS#12 key file holds no certificate for its private key');
  return { keyPem, certificate, chain: certs.filter((c) => c !== certificate) };
}
