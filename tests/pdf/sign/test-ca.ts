/** A throwaway CA and signing certificate made with openssl in a temp folder. */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface TestCa {
  caPem: string;
  p12: Buffer;
  passphrase: string;
  dir: string;
}

const openssl = (dir: string, args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });

export function makeTestCa(dir: string, signerName = 'Dr. Jane Reviewer', caName = 'Deckhand Test CA', passphrase = 'correct horse'): TestCa {
  openssl(dir, ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '3650', '-subj', `/CN=${caName}/O=Deckhand Tests`,
    '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign', '-set_serial', '1']);
  openssl(dir, ['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'signer.key', '-out', 'signer.csr', '-subj', `/CN=${signerName}/O=Medical Affairs`]);
  writeFileSync(join(dir, 'ext.cnf'), 'basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,nonRepudiation\n');
  openssl(dir, ['x509', '-req', '-in', 'signer.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-set_serial', '4242', '-out', 'signer.pem', '-days', '3650', '-extfile', 'ext.cnf']);
  openssl(dir, ['pkcs12', '-export', '-inkey', 'signer.key', '-in', 'signer.pem', '-certfile', 'ca.pem', '-out', 'signer.p12', '-passout', `pass:${passphrase}`]);
  return { caPem: readFileSync(join(dir, 'ca.pem'), 'utf8'), p12: readFileSync(join(dir, 'signer.p12')), passphrase, dir };
}
