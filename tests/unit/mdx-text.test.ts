import { describe, expect, it } from 'vitest';
import { footnoteRefs, inlinePlainText, mdxBlocks, tokensWithMarkers, unescapeMarkdown } from '../../src/core/mdx-text';

describe('mdxBlocks', () => {
  const body = [
    '',
    'Đoạn mở đầu.',
    '',
    '## 1.1. Nông nghiệp',
    '',
    'Trồng trọt: dòng một',
    'dòng hai<Fn n={4} />.',
    '',
    '',
    '### 1.6.1. Về hạ tầng',
    '',
    '<Signature />',
    '',
  ].join('\n');

  it('splits a body into headings, paragraphs and block components, with their 1-based line', () => {
    expect(mdxBlocks(body)).toEqual([
      { kind: 'paragraph', text: 'Đoạn mở đầu.', line: 2 },
      { kind: 'heading', level: 2, text: '1.1. Nông nghiệp', line: 4 },
      { kind: 'paragraph', text: 'Trồng trọt: dòng một dòng hai<Fn n={4} />.', line: 6 },
      { kind: 'heading', level: 3, text: '1.6.1. Về hạ tầng', line: 10 },
      { kind: 'component', name: 'Signature', line: 12 },
    ]);
  });

  it('joins lines without a blank line between them into one block', () => {
    expect(mdxBlocks('## Tiêu đề\n<Recipients />')).toEqual([{ kind: 'heading', level: 2, text: 'Tiêu đề <Recipients />', line: 1 }]);
  });

  it('reads heading levels 1 to 6 from the number of "#"', () => {
    const blocks = mdxBlocks(['# Một', '', '###### Sáu'].join('\n'));
    expect(blocks.map((b) => (b.kind === 'heading' ? b.level : null))).toEqual([1, 6]);
  });

  it('does not take "#" without a following space, or a lowercase tag, for a heading or a component', () => {
    expect(mdxBlocks('#hashtag')).toEqual([{ kind: 'paragraph', text: '#hashtag', line: 1 }]);
    expect(mdxBlocks('<br />')).toEqual([{ kind: 'paragraph', text: '<br />', line: 1 }]);
  });

  it('takes a capitalised self-closing tag alone on its line for a component, and a component with props for a paragraph', () => {
    expect(mdxBlocks('<Chart />')).toEqual([{ kind: 'component', name: 'Chart', line: 1 }]);
    expect(mdxBlocks('<Chart data={1} />')[0].kind).toBe('paragraph');
  });

  it('trims the lines of a block and ignores lines of whitespace only', () => {
    expect(mdxBlocks('   a  \n \t \n  b')).toEqual([
      { kind: 'paragraph', text: 'a', line: 1 },
      { kind: 'paragraph', text: 'b', line: 3 },
    ]);
  });

  it('gives no blocks for an empty body', () => {
    expect(mdxBlocks('')).toEqual([]);
    expect(mdxBlocks('\n\n  \n')).toEqual([]);
  });
});

describe('footnoteRefs', () => {
  it('lists every <Fn n={…} /> in order with the line it stands on', () => {
    const body = ['Một<Fn n={1} /> và hai<Fn n={2} />.', '', 'Ba<Fn n={3} />.'].join('\n');
    expect(footnoteRefs(body)).toEqual([
      { n: 1, line: 1 },
      { n: 2, line: 1 },
      { n: 3, line: 3 },
    ]);
  });

  it('accepts spaces inside the tag', () => {
    expect(footnoteRefs('chữ<Fn  n={ 12 }/>')).toEqual([{ n: 12, line: 1 }]);
  });

  it('ignores tags that are not a numeric footnote marker', () => {
    expect(footnoteRefs('<Fn n="3" /> <Fn n={x} /> <Fnx n={3} /> <fn n={3} /> Fn 3')).toEqual([]);
  });

  it('finds nothing in text without markers', () => {
    expect(footnoteRefs('Không có chú thích.')).toEqual([]);
  });
});

describe('unescapeMarkdown', () => {
  it('removes the escapes the chapters use, "\\." and "\\-"', () => {
    expect(unescapeMarkdown('1\\. Tập trung')).toBe('1. Tập trung');
    expect(unescapeMarkdown('\\- 07 chỉ tiêu')).toBe('- 07 chỉ tiêu');
  });

  it('removes the escape of every Markdown punctuation character, including a backslash', () => {
    expect(unescapeMarkdown('\\*\\_\\[\\]\\(\\)\\#\\+\\!\\<\\>\\|\\~\\`\\{\\}\\\\')).toBe('*_[]()#+!<>|~`{}\\');
  });

  it('keeps a backslash before a letter or digit, which is not an escape', () => {
    expect(unescapeMarkdown('a\\b \\1')).toBe('a\\b \\1');
  });

  it('leaves text without escapes unchanged', () => {
    expect(unescapeMarkdown('Tăng 8,16% (KH năm tăng trên 9%).')).toBe('Tăng 8,16% (KH năm tăng trên 9%).');
  });
});

describe('inlinePlainText', () => {
  it('drops footnote markers and Markdown escapes, keeping the words and punctuation as a reader sees them', () => {
    expect(inlinePlainText('1\\. Kỳ vọng<Fn n={2} />, tỉnh ta')).toBe('1. Kỳ vọng, tỉnh ta');
  });

  it('leaves the space around a marker that stands between spaces', () => {
    expect(inlinePlainText('a <Fn n={2} /> b')).toBe('a  b');
  });

  it('leaves plain text unchanged', () => {
    expect(inlinePlainText('Chăn nuôi: tăng 4,1%.')).toBe('Chăn nuôi: tăng 4,1%.');
  });
});

describe('tokensWithMarkers', () => {
  it('gives the words without markers and, for each marker, the word it is glued to', () => {
    expect(tokensWithMarkers('kỳ vọng<Fn n={2} />, tỉnh 8,16%<Fn n={3} /> (KH)')).toEqual({
      tokens: ['kỳ', 'vọng,', 'tỉnh', '8,16%', '(KH)'],
      markers: [
        { n: 2, token: 1, word: 'vọng,' },
        { n: 3, token: 3, word: '8,16%' },
      ],
    });
  });

  it('gives a marker standing alone between spaces to the word before it', () => {
    expect(tokensWithMarkers('năm trước <Fn n={4} /> tiếp')).toEqual({
      tokens: ['năm', 'trước', 'tiếp'],
      markers: [{ n: 4, token: 1, word: 'trước' }],
    });
  });

  it('records two markers glued to the same word, in order', () => {
    expect(tokensWithMarkers('chữ<Fn n={5} /><Fn n={6} />.').markers).toEqual([
      { n: 5, token: 0, word: 'chữ.' },
      { n: 6, token: 0, word: 'chữ.' },
    ]);
  });

  it('removes Markdown escapes from the words', () => {
    expect(tokensWithMarkers('1\\. Tập trung').tokens).toEqual(['1.', 'Tập', 'trung']);
  });

  it('gives a marker that opens the text no word, rather than inventing one', () => {
    expect(tokensWithMarkers('<Fn n={7} /> chữ')).toEqual({ tokens: ['chữ'], markers: [{ n: 7, token: -1, word: '' }] });
  });

  it('gives no tokens and no markers for empty text', () => {
    expect(tokensWithMarkers('')).toEqual({ tokens: [], markers: [] });
  });
});
