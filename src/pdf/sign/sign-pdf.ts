/**
 * The sign phase, always the last write: a PAdES baseline B-B signature
 * (/SubFilter /ETSI.CAdES.detached) with an invisible signature field.
 * @signpdf/placeholder-pdf-lib adds the field and the /Contents placeholder,
 * @signpdf/signpdf fills in the /ByteRange and the CMS, made by cades.ts.
 * The signing time comes from the caller (the build's source date or the
 * approval time), never the clock, so the same input gives the same bytes.
 */
import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib';
import { SignPdf } from '@signpdf/signpdf';
import { SUBFILTER_ETSI_CADES_DETACHED, Signer } from '@signpdf/utils';
import { PDFDocument, IN_ONE_GO } from '../pdf-lib.js';
import { cadesDetached } from './cades.js';
import { readP12, type SigningIdentity } from './p12.js';

export interface SignOptions {
  p12: Uint8Array;
  passphrase: string;
  /** Printed name of the signer, written to the signature dictionary's /Name. */
  name: string;
  /** The meaning of the signature, e.g. the interface text for "approved for distribution". */
  reason: string;
  location?: string;
  contactInfo?: string;
  signingTime: Date;
  /** Also put the signing time into the CMS (PAdES baseline forbids it; off by default). */
  cmsSigningTime?: boolean;
  /** Bytes reserved for the CMS; 8192 holds a signer and a two-level chain. */
  signatureLength?: number;
}

class CadesSigner extends Signer {
  constructor(
    private readonly identity: SigningIdentity,
    private readonly cmsSigningTime: Date | undefined,
  ) {
    super();
  }

  override async sign(content: Buffer): Promise<Buffer> {
    const { keyPem, certificate, chain } = this.identity;
    return Buffer.from(cadesDetached({ content, keyPem, certificate, chain, ...(this.cmsSigningTime ? { cmsSigningTime: this.cmsSigningTime } : {}) }));
  }
}

export async function signPdf(bytes: Uint8Array, options: SignOptions): Promise<Uint8Array> {
  const identity = readP12(options.p12, options.passphrase);
  const doc = await PDFDocument.load(bytes, { updateMetadata: false, parseSpeed: IN_ONE_GO });
  pdflibAddPlaceholder({
    pdfDoc: doc,
    reason: options.reason,
    name: options.name,
    location: options.location ?? '',
    contactInfo: options.contactInfo ?? '',
    signingTime: options.signingTime,
    subFilter: SUBFILTER_ETSI_CADES_DETACHED,
    signatureLength: options.signatureLength ?? 8192,
  });
  const prepared = await doc.save({ useObjectStreams: true, addDefaultPage: false, updateFieldAppearances: false, objectsPerTick: IN_ONE_GO });
  const signed = await new SignPdf().sign(Buffer.from(prepared), new CadesSigner(identity, options.cmsSigningTime ? options.signingTime : undefined), options.signingTime);
  return new Uint8Array(signed);
}
