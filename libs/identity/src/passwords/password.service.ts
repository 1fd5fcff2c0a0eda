import { Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';

/** OWASP's recommended argon2id parameters: 19 MiB, 2 iterations, 1 lane. */
const HASH_OPTIONS = {
  type: argon2.argon2id,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

@Injectable()
export class PasswordService {
  /** Verifying against this keeps an unknown username as slow as a wrong password. */
  private readonly decoyHash = argon2.hash('decoy password that matches nothing', HASH_OPTIONS);

  hash(password: string): Promise<string> {
    return argon2.hash(password, HASH_OPTIONS);
  }

  async verify(hash: string | undefined, password: string): Promise<boolean> {
    try {
      return await argon2.verify(hash ?? (await this.decoyHash), password);
    } catch {
      return false;
    }
  }
}
