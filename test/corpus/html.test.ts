/** Reading a saved web page (src/corpus/html.ts): the article's text and what the page says about itself. */
import { describe, expect, it } from 'vitest';
import { extractHtmlPage } from '../../src/corpus/html.ts';
import { fixturePage } from '../support/page-server.ts';

describe('extractHtmlPage', () => {
  it('finds outlet, headline, date and address in Open Graph and article metadata', () => {
    expect(extractHtmlPage(fixturePage('northern-ledger.html')).metadata).toEqual({
      outlet: 'The Northern Ledger',
      headline: 'Montenegro says it has had no request to host UK return hub',
      date: '2025-06-04T09:20:00+01:00',
      url: 'https://northernledger.example/world/2025/jun/04/montenegro-no-request-return-hub',
    });
  });

  it('falls back on JSON-LD, then <h1> and <time>', () => {
    const ld = `<html><head><script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","headline":"Talks resume","datePublished":"2025-06-07","publisher":{"name":"Coast Post"}}]}</script></head><body><p>x</p></body></html>`;
    expect(extractHtmlPage(ld).metadata).toEqual({ outlet: 'Coast Post', headline: 'Talks resume', date: '2025-06-07' });
    const plain = `<html><body><h1>Ministers meet</h1><time datetime="2025-06-08T10:00:00Z">8 June</time><p>Text.</p></body></html>`;
    expect(extractHtmlPage(plain).metadata).toEqual({ headline: 'Ministers meet', date: '2025-06-08T10:00:00Z' });
  });

  it('keeps the article body one block per line, without captions, menus or the newsletter box', () => {
    const { text, removedChars } = extractHtmlPage(fixturePage('northern-ledger.html'));
    const lines = text.split('\n\n');
    expect(lines).toContain(
      'Downing Street has declined to say which countries it is speaking to. A government spokesperson said the talks were at an early stage and that any agreement would respect international law.',
    );
    expect(text).not.toContain('Photograph: Lena Marsh');
    expect(text).not.toContain('Politics');
    expect(removedChars).toBeGreaterThan(200);
  });

  it('finds no article text on a page that has none', () => {
    expect(extractHtmlPage('<html><body></body></html>').text).toBe('');
  });
});
