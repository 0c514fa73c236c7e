import { ensureCytoscapeStylesheet } from './cytoscape-stylesheet';

describe('ensureCytoscapeStylesheet', () => {
  afterEach(() => document.getElementById('__________cytoscape_stylesheet')?.remove());

  it('should insert the style sheet cytoscape would, with the nonce, first in <head>', () => {
    ensureCytoscapeStylesheet(document, 'abc123');
    const style = document.head.firstElementChild as HTMLStyleElement;
    expect(style.id).toBe('__________cytoscape_stylesheet');
    expect(style.getAttribute('nonce')).toBe('abc123');
    expect(style.textContent).toBe('.__________cytoscape_container { position: relative; }');
  });

  it('should insert it only once', () => {
    ensureCytoscapeStylesheet(document, 'a');
    ensureCytoscapeStylesheet(document, 'b');
    expect(document.querySelectorAll('#__________cytoscape_stylesheet')).toHaveLength(1);
  });
});
