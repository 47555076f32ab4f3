import { describe, expect, it } from 'vitest';
import { COMMON_PASSWORDS } from './common-passwords';
import {
  checkPassword,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  type PasswordProblem,
  personalTokens,
} from './password-strength';

const problemsOf = (password: string, context = {}) => checkPassword(password, context).problems;

const CONTEXT = {
  email: 'marie.dupont@cpas-charleroi.be',
  displayName: 'Marie Dupont',
  orgNames: ['CPAS de Charleroi', 'OCMW Charleroi'],
};

describe('constants', () => {
  it('exports the limits', () => {
    expect(PASSWORD_MIN_LENGTH).toBe(12);
    expect(PASSWORD_MAX_LENGTH).toBe(128);
  });
});

describe('common-passwords dictionary', () => {
  it('holds 400 to 600 normalised entries', () => {
    expect(COMMON_PASSWORDS.size).toBeGreaterThanOrEqual(400);
    expect(COMMON_PASSWORDS.size).toBeLessThanOrEqual(600);
    for (const w of COMMON_PASSWORDS) expect(w, w).toMatch(/^[a-z]{4,}$/);
  });

  it('covers French, Dutch, English words, local places and the platform words', () => {
    for (const w of [
      'motdepasse',
      'soleil',
      'bonjour',
      'azerty',
      'doudou',
      'chouchou',
      'marseille',
      'liberte',
      'wachtwoord',
      'welkom',
      'geheim',
      'voetbal',
      'zomer',
      'qwerty',
      'password',
      'letmein',
      'iloveyou',
      'lille',
      'roubaix',
      'tourcoing',
      'kortrijk',
      'courtrai',
      'menen',
      'mouscron',
      'tournai',
      'charleroi',
      'binche',
      'bruxelles',
      'brussel',
      'gent',
      'antwerpen',
      'cpas',
      'ccas',
      'ocmw',
      'samen',
    ])
      expect(COMMON_PASSWORDS.has(w), w).toBe(true);
  });
});

describe('checkPassword: length', () => {
  it('refuses passwords shorter than 12 characters', () => {
    expect(problemsOf('kX9#mPq2$vL')).toContain('too_short');
    expect(problemsOf('')).toContain('too_short');
    expect(problemsOf('kX9#mPq2$vLw')).not.toContain('too_short');
  });

  it('counts characters, not UTF-16 units', () => {
    // 11 characters, 12 UTF-16 units because of the emoji.
    expect(problemsOf('kX9#mPq2$v😀')).toContain('too_short');
    expect(problemsOf('kX9#mPq2$vL😀')).not.toContain('too_short');
    // Decomposed accents count once (NFC).
    expect(problemsOf('Kx9#mpq2$ve\u0301')).toContain('too_short');
  });

  it('refuses passwords longer than 128 characters, and only reports that', () => {
    const long = 'wJ8v-Rq2n-Lx5z '.repeat(9); // 135 characters
    expect(checkPassword(long)).toEqual({ ok: false, score: 0, problems: ['too_long'] });
    const limit = `${'cheval agrafe batterie correcte '.repeat(4)}`; // 128 characters
    expect(limit.length).toBe(128);
    expect(problemsOf(limit)).not.toContain('too_long');
  });

  it('stays fast on hostile input', () => {
    const start = Date.now();
    checkPassword('a'.repeat(1_000_000));
    checkPassword('ab'.repeat(64));
    expect(Date.now() - start).toBeLessThan(1000);
  });
});

describe('checkPassword: common passwords', () => {
  it.each([
    'motdepasse1234',
    'Motdepasse2024!',
    'MotDePasse!!!!!',
    'mot de passe 2024',
    'Mot-de-passe-2024',
    'M0tD3P@ss3!!',
    'Mötdepässe2024',
    'P@ssw0rd1234',
    'Password123456',
    'p@$$w0rd2024!',
    'Soleil2024!!!',
    's0l3il2024!!',
    'Bonjour123456',
    '2024Azerty!!!',
    'Wachtwoord2024!',
    'Welkom123456!',
    'G3h31m2024!!',
    'Voetbal12345!',
    'iloveyou2024!',
    'I love you 2024',
    'L3tm31n!!2024',
    'Marseille13013',
    'Liberté2024!!',
    'Bruxelles2024!!',
    'Charleroi6000!',
    'Kortrijk8500!!',
    'Doudou123456',
    'chouchou2024!',
    'samen2024!!!',
    'Soleil Marseille 13',
    'bonjourlille59',
    'OCMW-Gent-2024',
    '!!!Tournai2024',
  ])('refuses %s as common', (password) => {
    const r = checkPassword(password);
    expect(r.problems).toContain('common');
    expect(r.ok).toBe(false);
    expect(r.score).toBe(0);
  });

  it.each([
    'cheval agrafe batterie correcte',
    'correct horse battery staple',
    'Tr0ub4dor&3xyz',
    'soleil-cheval-arbre-nuit',
    'kX9#mPq2$vLw',
    'Marseillaise du matin 7',
  ])('does not refuse %s as common', (password) => {
    expect(problemsOf(password)).not.toContain('common');
  });

  it('reads 1 as either i or l', () => {
    expect(problemsOf('1ett3rm31n!!2024'.replace('1ett3rm', 'l3tm'))).toContain('common');
    expect(problemsOf('Li11e2024!!!')).toContain('common');
    expect(problemsOf('i1oveyou2024!')).toContain('common');
  });
});

describe('checkPassword: personal information', () => {
  it('extracts personal tokens of 4+ characters, without generic organisation words', () => {
    const tokens = personalTokens({
      email: 'j.dupont+samen@cpas-charleroi.be',
      displayName: 'Jo Li Dupont-Lefèvre',
      orgNames: ['Centre Public d’Action Sociale de Charleroi', null, undefined, 'OCMW Kortrijk'],
    });
    expect(tokens).toContain('jdupont');
    expect(tokens).toContain('dupont');
    expect(tokens).toContain('lefevre');
    expect(tokens).toContain('charleroi');
    expect(tokens).toContain('kortrijk');
    expect(tokens).toContain('ocmw');
    expect(tokens).toContain('ocmwkortrijk');
    expect(tokens).not.toContain('samen'); // the +tag is not part of the person
    expect(tokens).not.toContain('centre');
    expect(tokens).not.toContain('sociale');
    expect(tokens).not.toContain('action');
    expect(tokens).not.toContain('public');
    expect(tokens).not.toContain('jo');
    expect(tokens).not.toContain('li');
    expect(tokens.every((t) => t.length >= 4)).toBe(true);
  });

  it('returns no token for an empty context', () => {
    expect(personalTokens({})).toEqual([]);
    expect(personalTokens({ email: null, displayName: null, orgNames: [] })).toEqual([]);
    expect(personalTokens({ email: 'ab@x.be', displayName: 'Al B' })).toEqual([]);
  });

  it.each([
    'Marie Dupont Paris',
    'dupont.kx9#mPq2',
    'xq!Dup0nt#2024zz',
    'MarieDupont1990!',
    'zq8#marie.Zw!!',
    'Charleroi2024!x',
    'Ch@rler0i#zz2024',
    'k9!ocmw#Zq2v8x',
  ])('refuses %s as containing personal information', (password) => {
    const r = checkPassword(password, CONTEXT);
    expect(r.problems).toContain('contains_personal');
    expect(r.ok).toBe(false);
    expect(r.score).toBeLessThanOrEqual(1);
  });

  it('finds the whole e-mail local part even when its parts are short', () => {
    const ctx = { email: 'jl.mo@ccas-lille.fr' };
    expect(problemsOf('zq8#jlmo!Zw2x', ctx)).toContain('contains_personal');
    expect(problemsOf('zq8#jl.mo!Zw2x', ctx)).toContain('contains_personal');
    expect(problemsOf('zq8#Jl-Mo!Zw2x', ctx)).not.toContain('common');
  });

  it('finds accented names without accents and vice versa', () => {
    expect(problemsOf('xx!lefevre#2024Q', { displayName: 'Anne Lefèvre' })).toContain('contains_personal');
    expect(problemsOf('xx!Lefèvre#2024Q', { displayName: 'Anne Lefevre' })).toContain('contains_personal');
  });

  it('ignores short name parts and generic organisation words', () => {
    const ctx = { displayName: 'Jo Xu', orgNames: ['Centre Public d’Action Sociale de Binche'] };
    expect(problemsOf('jo li social action centre!', ctx)).not.toContain('contains_personal');
    expect(problemsOf('jo li social binche centre!', ctx)).toContain('contains_personal');
  });

  it('joins short name parts into one token', () => {
    expect(personalTokens({ displayName: 'Jo Li' })).toEqual(['joli']);
    expect(problemsOf('xq!JoLi#2024zzW', { displayName: 'Jo Li' })).toContain('contains_personal');
  });

  it('accepts a good passphrase with a full context', () => {
    expect(checkPassword('cheval agrafe batterie correcte', CONTEXT)).toEqual({
      ok: true,
      score: 4,
      problems: [],
    });
  });
});

describe('checkPassword: repetition', () => {
  it.each([
    'aaaaaaaaaaaa',
    'kX9#mPq2$vLwwww',
    'kX9#mPq2$vLw!!!!',
    'abcabcabcabc',
    'AbcAbcAbcAbc',
    'bonjourbonjour',
    'Zq8!Zq8!Zq8!Zq8!',
    'le chat le chat le chat',
    '123412341234',
    'xyxyxyxyxyxy!9',
  ])('refuses %s as repetitive', (password) => {
    expect(problemsOf(password)).toContain('repetitive');
  });

  it.each(['kX9#mPq2$vLw', 'cheval agrafe batterie correcte', 'haha kX9#mPq2$vLw', 'aaa-kX9#mPq2$vLw'])(
    'does not refuse %s as repetitive',
    (password) => {
      expect(problemsOf(password)).not.toContain('repetitive');
    },
  );
});

describe('checkPassword: sequences', () => {
  it.each([
    'abcde!Zq8#mPw2',
    'Zq8#mPw2!edcba',
    'xx!12345!Zq8#mP',
    'xx!98765!Zq8#mP',
    'xx!67890!Zq8#mP',
    'xx!qwert!Zq8#mP',
    'xx!azert!Zq8#mP',
    'xx!ytreza!Zq8#m',
    'xx!asdfg!Zq8#mP',
    'xx!qsdfg!Zq8#mP',
    'xx!wxcvb!Zq8#mP',
    'xx!zxcvb!Zq8#mP',
    'xx!yuiop!Zq8#mP',
    'xx!&é"\'(Zq8#mP',
    'XX!LMNOP!ZQ8#MP',
  ])('refuses %s as containing a sequence', (password) => {
    expect(problemsOf(password)).toContain('sequence');
  });

  it.each([
    'kX9#mPq2$vLw',
    'xx!1234!Zq8#mP',
    'xx!abcd!Zq8#mP',
    'xx!13579!Zq8#mP',
    'cheval agrafe batterie correcte',
  ])('does not refuse %s as a sequence', (password) => {
    expect(problemsOf(password)).not.toContain('sequence');
  });
});

describe('checkPassword: variety', () => {
  it.each(['839201746352', '8392017463528', 'abababababab', 'aabbaabbccdd'])(
    'refuses %s as low variety',
    (password) => {
      expect(problemsOf(password)).toContain('low_variety');
    },
  );

  it.each(['8392017463528491', 'kX9#mPq2$vLw', 'nuitetoilearbre'])(
    'does not refuse %s as low variety',
    (password) => {
      expect(problemsOf(password)).not.toContain('low_variety');
    },
  );
});

describe('checkPassword: score and verdict', () => {
  it('accepts strong passwords and passphrases', () => {
    for (const password of [
      'cheval agrafe batterie correcte',
      'correct horse battery staple',
      'kX9#mPq2$vLw',
      'wJ8v-Rq2n-Lx5z',
      'nuitetoilearbre',
      'Le vélo bleu de Ghislaine',
      'Zeg nooit nee tegen koffie',
    ]) {
      const r = checkPassword(password, CONTEXT);
      expect(r, password).toMatchObject({ ok: true, problems: [] });
      expect(r.score, password).toBeGreaterThanOrEqual(2);
    }
  });

  it('scores from length and variety', () => {
    expect(checkPassword('nuitetoilearbre').score).toBe(3); // lowercase only, 15 characters
    expect(checkPassword('kX9#mPq2$vLw').score).toBe(3);
    expect(checkPassword('kX9#mPq2$vLw7&T').score).toBe(4);
    expect(checkPassword('cheval agrafe batterie correcte').score).toBe(4);
    expect(checkPassword('kX9#mPq').score).toBeLessThanOrEqual(1);
    expect(checkPassword('').score).toBe(0);
    expect(checkPassword('aaaaaaaaaaaa').score).toBe(0);
  });

  it('score never decreases when a strong password grows', () => {
    let previous = 0;
    const base = 'kX9#mPq2$vLw7&TzR!n';
    for (let n = PASSWORD_MIN_LENGTH; n <= base.length; n++) {
      const score = checkPassword(base.slice(0, n)).score;
      expect(score).toBeGreaterThanOrEqual(previous);
      previous = score;
    }
  });

  it('caps the score when there are problems', () => {
    expect(checkPassword('Motdepasse2024!').score).toBe(0);
    expect(checkPassword('kX9#mPq2$vLw!!!!').score).toBeLessThanOrEqual(1);
    expect(checkPassword('Ch@rler0i#zz2024', CONTEXT).score).toBeLessThanOrEqual(1);
  });

  it('reports every problem, in a stable order', () => {
    const r = checkPassword('azerty');
    expect(r.ok).toBe(false);
    const order: PasswordProblem[] = [
      'too_short',
      'too_long',
      'common',
      'contains_personal',
      'repetitive',
      'sequence',
      'low_variety',
    ];
    expect(r.problems).toEqual(['too_short', 'common', 'sequence']);
    const many = checkPassword('aaaa', { displayName: 'aaaa' }).problems;
    expect(many).toEqual(['too_short', 'contains_personal', 'repetitive', 'low_variety']);
    expect([...many].sort((a, b) => order.indexOf(a) - order.indexOf(b))).toEqual(many);
  });

  it('works without a context', () => {
    expect(checkPassword('cheval agrafe batterie correcte')).toEqual({ ok: true, score: 4, problems: [] });
  });
});
