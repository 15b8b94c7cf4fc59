import { describe, expect, it } from 'vitest';
import { translator } from '../../../../shared/i18n/index.ts';
import { checkNewPassword, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, passwordProblemText } from '../../../../shared/auth/password-rules.ts';

describe('checkNewPassword', () => {
  it('accepts 10 characters or more that are not the login', () => {
    expect(checkNewPassword('anna', 'correct-horse')).toBeNull();
    expect(checkNewPassword('anna', 'x'.repeat(MIN_PASSWORD_LENGTH))).toBeNull();
    expect(checkNewPassword('anna', 'x'.repeat(MAX_PASSWORD_LENGTH))).toBeNull();
  });

  it('refuses fewer than 10 characters, counting characters rather than UTF-16 units', () => {
    expect(checkNewPassword('anna', 'x'.repeat(MIN_PASSWORD_LENGTH - 1))).toEqual({ problem: 'too_short', message: 'must be at least 10 characters' });
    expect(checkNewPassword('anna', '')?.problem).toBe('too_short');
    // Nine emoji are 18 UTF-16 units but nine characters.
    expect(checkNewPassword('anna', '🔑'.repeat(9))?.problem).toBe('too_short');
    // A decomposed "é" (e + combining accent) is one character once normalized.
    expect(checkNewPassword('anna', 'e\u0301'.repeat(9))?.problem).toBe('too_short');
    expect(checkNewPassword('anna', 'пароль-дов')).toBeNull();
  });

  it('refuses more than sign-in accepts', () => {
    expect(checkNewPassword('anna', 'x'.repeat(MAX_PASSWORD_LENGTH + 1))).toEqual({ problem: 'too_long', message: 'must be at most 200 characters' });
  });

  it('refuses the login itself, whatever its case or surrounding spaces', () => {
    expect(checkNewPassword('administrator', 'administrator')).toEqual({ problem: 'same_as_login', message: 'must not be the login' });
    expect(checkNewPassword('Administrator', 'ADMINISTRATOR ')?.problem).toBe('same_as_login');
    expect(checkNewPassword('administrator', 'administrator1')).toBeNull();
  });

  it('is worded in each language', () => {
    expect(passwordProblemText(translator('en'), 'too_short')).toBe('The password must be at least 10 characters.');
    expect(passwordProblemText(translator('uk'), 'same_as_login')).toBe('Пароль не має збігатися з логіном.');
    expect(passwordProblemText(translator('ru'), 'too_long')).toBe('Пароль должен быть не длиннее 200 символов.');
  });
});
