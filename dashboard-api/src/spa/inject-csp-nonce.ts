/**
 * index.html with `ngCspNonce="<nonce>"` on `<app-root>`: Angular puts that nonce on the
 * `<style>` elements it creates, which the page's Content-Security-Policy then allows. A page
 * without `<app-root>` is returned unchanged. The nonce is base64 (no quote can occur).
 */
export function injectCspNonce(html: string, nonce: string): string {
  return html.replace(/<app-root(?=[\s>/])/i, `<app-root ngCspNonce="${nonce}"`);
}
