/** The id and class cytoscape gives the style sheet it inserts and its containers. */
const STYLESHEET_ID = '__________cytoscape_stylesheet';
const CONTAINER_CLASS = '__________cytoscape_container';

/**
 * Inserts cytoscape's one-rule style sheet ourselves, carrying the page's CSP nonce (Angular's
 * CSP_NONCE). Cytoscape then finds it by id and does not insert its own `<style>`, which the
 * Content-Security-Policy would refuse (it has no nonce). Does nothing when it is there.
 */
export function ensureCytoscapeStylesheet(document: Document, nonce: string | null): void {
  if (document.getElementById(STYLESHEET_ID) !== null) {
    return;
  }
  const style = document.createElement('style');
  style.id = STYLESHEET_ID;
  if (nonce) {
    style.setAttribute('nonce', nonce);
  }
  style.textContent = `.${CONTAINER_CLASS} { position: relative; }`;
  document.head.insertBefore(style, document.head.firstChild);
}
