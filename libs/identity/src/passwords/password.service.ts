import { Injectable } from '@nestjs/common';
import { hash, verify, type Options } from '@node-rs/argon2';

/** `Algorithm.Argon2id`; the package declares it as a const enum, which isolated modules cannot read. */
const ARGON2ID = 2;

/** OWASP's recommended argon2id parameters: 19 MiB, 2 iterations, 1 lane. */
export const PASSWORD_HASH_OPTIONS: Options = {
  algorithm: ARGON2ID,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
};

@Injectable()
export class PasswordService {
  /** Verifying against this keeps an unknown username as slow as a wrong password. */
  private readonly decoyHash = hash('decoy password that matches nothing', PASSWORD_HASH_OPTIONS);

  hash(password: string): Promise<string> {
    return hash(password, PASSWORD_HASH_OPTIONS);
  }

  async verify(encoded: string | undefined, password: string): Promise<boolean> {
    try {
      return await verify(encoded ?? (await this.decoyHash), password);
    } catch {
      return false;
    }
  }
}
