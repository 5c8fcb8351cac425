/**
 * Korean particles (조사) chosen by how the word before them is read aloud: 은/는, 이/가, 을/를, 과/와,
 * 으로/로. Every Korean message that puts a particle after a name, a code, a figure or a date builds it
 * here, so no message prints "을(를)" or "원로".
 *
 * How the last sound is decided (the word is read from its end, closing brackets and quotes skipped):
 * - a Hangul syllable: its final consonant (받침), if any; ㄹ is told apart because 으로/로 takes 로 after it;
 * - a date written 2024-10-02 (or 2024.10.02, 2024. 10. 2.) is read "…년 …월 2일": it ends in 일 (ㄹ final);
 * - a whole number is read the Korean way (사억, 칠십, 삼): the last digit when it is not 0 (1 일, 2 이, 3 삼,
 *   4 사, 5 오, 6 육, 7 칠, 8 팔, 9 구); otherwise the last place word (10 십, 100 백, 1,000 천, 10,000…
 *   10,000,000 만, 1억…1,000억 억, 1조…1,000조 조, 1경 경) and 0 alone is 영; a △ sign is ignored;
 * - a decimal (96.7, 3.0) is read digit by digit after the point: its last digit (0 영);
 * - a Latin letter by its Korean letter name, as codes are read (L 엘, M 엠, N 엔, R 알; the others have no
 *   final consonant: A 에이, B 비, … Z 제트); % is 퍼센트;
 * - anything else (no readable character) is read as if it had no final consonant.
 */

export type Particle = '은/는' | '이/가' | '을/를' | '과/와' | '으로/로';

/** The last sound of a word: no final consonant, ㄹ, or another final consonant. */
export type LastSound = 'open' | 'rieul' | 'closed';

const DIGIT_SOUND: Record<string, LastSound> = {
  '0': 'closed', // 영
  '1': 'rieul', // 일
  '2': 'open', // 이
  '3': 'closed', // 삼
  '4': 'open', // 사
  '5': 'open', // 오
  '6': 'closed', // 육
  '7': 'rieul', // 칠
  '8': 'rieul', // 팔
  '9': 'open', // 구
};

/** A Latin letter's Korean name ends in: L 엘, R 알 (ㄹ); M 엠, N 엔 (closed); the rest open. */
const LETTER_SOUND: Record<string, LastSound> = { l: 'rieul', r: 'rieul', m: 'closed', n: 'closed' };

/** The place word a whole number ending in n zeros ends with: 십 ㅂ, 백 ㄱ, 천 ㄴ, 만 ㄴ, 억 ㄱ, 조 (open), 경 ㅇ. */
function placeSound(zeros: number): LastSound {
  if (zeros === 1 || zeros === 2 || zeros === 3) return 'closed'; // 십, 백, 천
  if (zeros < 8) return 'closed'; // 만 (만, 십만, 백만, 천만)
  if (zeros < 12) return 'closed'; // 억
  if (zeros < 16) return 'open'; // 조
  return 'closed'; // 경
}

const CLOSING = /[\s)\]}」』〉》>"'”’.…·,]+$/u;
const DATE = /\d{4}\s*[-./]\s*\d{1,2}\s*[-./]\s*\d{1,2}\.?$/;

export function lastSound(word: string): LastSound {
  const text = String(word);
  if (DATE.test(text)) return 'rieul'; // …일
  const trimmed = text.replace(CLOSING, '');
  if (!trimmed) return 'open';
  const number = /(\d[\d,]*)(\.(\d+))?$/.exec(trimmed);
  if (number) {
    if (number[3] !== undefined) return DIGIT_SOUND[number[3].slice(-1)];
    const digits = number[1].replace(/,/g, '').replace(/^0+(?=\d)/, '');
    if (/^0+$/.test(digits)) return 'closed'; // 영
    const last = digits.slice(-1);
    if (last !== '0') return DIGIT_SOUND[last];
    return placeSound(digits.length - digits.replace(/0+$/, '').length);
  }
  const ch = trimmed.slice(-1);
  const code = ch.charCodeAt(0);
  if (code >= 0xac00 && code <= 0xd7a3) {
    const final = (code - 0xac00) % 28;
    return final === 0 ? 'open' : final === 8 ? 'rieul' : 'closed';
  }
  if (/[a-z]/i.test(ch)) return LETTER_SOUND[ch.toLowerCase()] ?? 'open';
  if (ch === '%') return 'open'; // 퍼센트
  return 'open';
}

/** The particle alone, chosen for the word: particle('400,000,000원', '을/를') → '을'. */
export function particle(word: string, which: Particle): string {
  const sound = lastSound(word);
  const [afterClosed, afterOpen] = which.split('/');
  if (which === '으로/로') return sound === 'closed' ? afterClosed : afterOpen;
  return sound === 'open' ? afterOpen : afterClosed;
}

/** The word with its particle: withParticle('2024-10-02', '은/는') → '2024-10-02은' (read …2일은). */
export function withParticle(word: string | number, which: Particle): string {
  const text = String(word);
  return `${text}${particle(text, which)}`;
}

/**
 * A tagged template that fixes the particle after each interpolation: ko`${name}을/를 찾을 수 없습니다`
 * writes "사업을" or "코드를". A particle pair written right after `${…}` (or after a closing quote or bracket that
 * follows it) is replaced by the one that fits.
 */
export function ko(strings: TemplateStringsArray, ...values: unknown[]): string {
  let out = strings[0];
  for (let i = 0; i < values.length; i++) {
    const value = String(values[i] ?? '');
    let rest = strings[i + 1];
    const m = /^([)\]」』〉》'"’”]*)(은\/는|이\/가|을\/를|과\/와|으로\/로)/u.exec(rest);
    if (m) {
      out += withParticle(value + m[1], m[2] as Particle);
      rest = rest.slice(m[0].length);
    } else out += value;
    out += rest;
  }
  return out;
}
