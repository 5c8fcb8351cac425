import { expect } from 'chai';
import { ko, lastSound, particle, withParticle } from '../../domain/korean-particles';

/** The syllable 가 with the n-th final consonant (1…27: ㄱ ㄲ ㄳ ㄴ ㄵ ㄶ ㄷ ㄹ ㄺ … ㅎ). */
const withFinal = (n: number) => String.fromCharCode(0xac00 + n);

describe('domain: Korean particles chosen by the last syllable, numbers read aloud', () => {
  it('a syllable without a final consonant takes 는/가/를/와/로', () => {
    for (const w of ['사업', '코드', '기관', '과', '세출예산', '비', '위탁사무'].filter((x) => lastSound(x) === 'open')) {
      expect(withParticle(w, '은/는')).to.equal(`${w}는`);
    }
    expect(withParticle('코드', '은/는')).to.equal('코드는');
    expect(withParticle('코드', '이/가')).to.equal('코드가');
    expect(withParticle('코드', '을/를')).to.equal('코드를');
    expect(withParticle('코드', '과/와')).to.equal('코드와');
    expect(withParticle('코드', '으로/로')).to.equal('코드로');
  });

  it('every one of the 27 final consonants: 은/이/을/과 and 으로 — except ㄹ, which takes 로', () => {
    for (let n = 1; n <= 27; n++) {
      const w = `교${withFinal(n)}`;
      expect(particle(w, '은/는'), w).to.equal('은');
      expect(particle(w, '이/가'), w).to.equal('이');
      expect(particle(w, '을/를'), w).to.equal('을');
      expect(particle(w, '과/와'), w).to.equal('과');
      expect(particle(w, '으로/로'), w).to.equal(n === 8 ? '로' : '으로');
    }
    expect(withParticle('서울', '으로/로')).to.equal('서울로');
    expect(withParticle('서울', '을/를')).to.equal('서울을');
    expect(withParticle('부산', '으로/로')).to.equal('부산으로');
  });

  it('amounts in won: 원 has ㄴ — "400,000,000원을", "718,500,000원으로"', () => {
    expect(withParticle('400,000,000원', '을/를')).to.equal('400,000,000원을');
    expect(withParticle('718,500,000원', '으로/로')).to.equal('718,500,000원으로');
    expect(withParticle('4원', '이/가')).to.equal('4원이');
  });

  it('digits as read: 1 일, 2 이, 3 삼, 4 사, 5 오, 6 육, 7 칠, 8 팔, 9 구, 0 영', () => {
    const expected = ['을', '을', '를', '을', '를', '를', '을', '을', '을', '를'];
    for (let d = 0; d <= 9; d++) expect(particle(String(d), '을/를'), String(d)).to.equal(expected[d]);
    expect(withParticle('1', '으로/로')).to.equal('1로'); // 일로
    expect(withParticle('3', '으로/로')).to.equal('3으로'); // 삼으로
    expect(withParticle('7', '으로/로')).to.equal('7로'); // 칠로
    expect(withParticle('2', '으로/로')).to.equal('2로'); // 이로
    expect(withParticle('0', '으로/로')).to.equal('0으로'); // 영으로
    expect(withParticle('△24,802', '이/가')).to.equal('△24,802가'); // …이
  });

  it('round numbers end in their place word: 십 백 천 만 억 조 경', () => {
    expect(withParticle('10', '이/가')).to.equal('10이'); // 십
    expect(withParticle('100', '을/를')).to.equal('100을'); // 백
    expect(withParticle('1,000', '은/는')).to.equal('1,000은'); // 천
    expect(withParticle('50,000', '과/와')).to.equal('50,000과'); // 오만
    expect(withParticle('20,000,000', '으로/로')).to.equal('20,000,000으로'); // 이천만
    expect(withParticle('400,000,000', '을/를')).to.equal('400,000,000을'); // 사억
    expect(withParticle('3,000,000,000,000', '이/가')).to.equal('3,000,000,000,000가'); // 삼조
    expect(withParticle('10000000000000000', '이/가')).to.equal('10000000000000000이'); // 일경
  });

  it('decimals end in their last digit; % is 퍼센트', () => {
    expect(withParticle('96.7', '이/가')).to.equal('96.7이'); // 칠
    expect(withParticle('12.5', '이/가')).to.equal('12.5가'); // 오
    expect(withParticle('3.0', '으로/로')).to.equal('3.0으로'); // 영
    expect(withParticle('96.7%', '이/가')).to.equal('96.7%가');
  });

  it('a date is read …일: "2024-10-02은", "2024-10-02로"', () => {
    expect(withParticle('2024-10-02', '은/는')).to.equal('2024-10-02은');
    expect(withParticle('2024-10-02', '으로/로')).to.equal('2024-10-02로');
    expect(withParticle('2024. 10. 2.', '이/가')).to.equal('2024. 10. 2.이');
  });

  it('codes read letter by letter; closing brackets and quotes are skipped', () => {
    expect(withParticle('A-01', '이/가')).to.equal('A-01이'); // 영일
    expect(withParticle('SM', '이/가')).to.equal('SM이'); // 에스엠
    expect(withParticle('PDF', '이/가')).to.equal('PDF가'); // 에프
    expect(withParticle('URL', '으로/로')).to.equal('URL로'); // 엘
    expect(withParticle('「위생 점검 미흡」', '을/를')).to.equal('「위생 점검 미흡」을');
    expect(withParticle("'매우 우수'", '으로/로')).to.equal("'매우 우수'로");
    expect(withParticle('(주)한빛', '이/가')).to.equal('(주)한빛이');
  });

  it('the ko`` tag replaces the pair written after each value', () => {
    const name = '청소년수련관';
    const amount = '718,500,000원';
    expect(ko`${name}은/는 ${amount}으로/로 늘었습니다`).to.equal('청소년수련관은 718,500,000원으로 늘었습니다');
    expect(ko`비목 ${'A1'}이/가 중복되었습니다`).to.equal('비목 A1이 중복되었습니다');
    expect(ko`값 ${5}`).to.equal('값 5');
    expect(ko`'${'미흡'}'으로/로 평가`).to.equal("'미흡'으로 평가");
    expect(ko`「${'위생'}」을/를`).to.equal('「위생」을');
  });
});
