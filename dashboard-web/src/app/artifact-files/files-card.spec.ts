import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import type { ArtifactFile, ArtifactFileList } from '@contract/insight-types';
import { stubChangeFeed } from '../../testing/stub-change-feed';
import { FilesCard } from './files-card';

const BASE = '/api/experiments/p.Train/a65a03d18cb6d9070e55/files';

function file(path: string, kind: ArtifactFile['kind'], viewable = true): ArtifactFile {
  return { path, kind, viewable, size_bytes: 1536, modified_at: '2026-03-01T10:00:00.000Z' };
}

describe(FilesCard.name, () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<FilesCard>;
  let root: HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), stubChangeFeed().provider],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(FilesCard);
    fixture.componentRef.setInput('namespace', 'p.Train');
    fixture.componentRef.setInput('hash', 'a65a03d18cb6d9070e55');
    root = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
    const list: ArtifactFileList = {
      namespace: 'p.Train',
      gren_hash: 'a65a03d18cb6d9070e55',
      truncated: false,
      files: [
        file('metrics.json', 'json'),
        file('plots/loss.svg', 'svg'),
        file('table.csv', 'csv'),
        file('weights.bin', 'other', false),
      ],
    };
    http.expectOne(BASE).flush(list);
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  async function open(path: string): Promise<void> {
    const buttons = [...root.querySelectorAll<HTMLButtonElement>('[data-testid="file-open"]')];
    buttons.find((button) => button.textContent!.trim() === path)!.click();
    await fixture.whenStable();
  }

  it('should list the files with sizes, and offer only the viewable ones', () => {
    const rows = [...root.querySelectorAll('[data-testid="file-row"]')];
    const cells = rows.map((row) => [...row.querySelectorAll('td')].slice(0, 2).map((td) => td.textContent!.trim()));
    expect(cells).toEqual([
      ['metrics.json', '1.5 KB'],
      ['plots/loss.svg', '1.5 KB'],
      ['table.csv', '1.5 KB'],
      ['weights.bin', '1.5 KB'],
    ]);
    expect(root.querySelectorAll('[data-testid="file-open"]')).toHaveLength(3);
  });

  it('should show JSON as a folding tree', async () => {
    await open('metrics.json');
    http
      .expectOne(`${BASE}/text?path=metrics.json`)
      .flush({ path: 'metrics.json', kind: 'json', size_bytes: 30, modified_at: '', text: '{"loss": 0.5, "per_class": [1, 2]}' });
    await fixture.whenStable();
    const tree = root.querySelector('[data-testid="file-viewer-json"]')!;
    expect(tree.querySelectorAll('details')).toHaveLength(2);
    expect(tree.textContent).toMatch(/loss:\s*0\.5/);
  });

  it('should show CSV as a table', async () => {
    await open('table.csv');
    http
      .expectOne(`${BASE}/text?path=table.csv`)
      .flush({ path: 'table.csv', kind: 'csv', size_bytes: 20, modified_at: '', text: 'lr,loss\n0.1,0.5\n' });
    await fixture.whenStable();
    const table = root.querySelector('[data-testid="file-viewer-csv"]')!;
    expect([...table.querySelectorAll('th')].map((th) => th.textContent)).toEqual(['lr', 'loss']);
    expect([...table.querySelectorAll('td')].map((td) => td.textContent)).toEqual(['0.1', '0.5']);
  });

  it("should show an SVG only as an <img>, and the API's reason when it is refused", async () => {
    await open('plots/loss.svg');
    const image = root.querySelector<HTMLImageElement>('[data-testid="file-viewer-image"]')!;
    expect(image.getAttribute('src')).toBe(`${BASE}/image?path=plots%2Floss.svg`);
    expect(root.querySelector('[data-testid="file-viewer"] svg')).toBeNull();
    image.dispatchEvent(new Event('error'));
    http
      .expectOne(`${BASE}/image?path=plots%2Floss.svg`)
      .flush({ detail: 'plots/loss.svg holds a <script> element' }, {
        status: 415,
        statusText: 'Unsupported Media Type',
      });
    await fixture.whenStable();
    expect(root.querySelector('[data-testid="file-viewer-error"]')!.textContent).toContain(
      'plots/loss.svg holds a <script> element',
    );
  });
});
