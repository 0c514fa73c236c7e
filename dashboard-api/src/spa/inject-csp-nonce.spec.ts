import { injectCspNonce } from './inject-csp-nonce';

describe(injectCspNonce, () => {
  it('should put the nonce on <app-root> only', () => {
    expect(injectCspNonce('<body><app-root></app-root><app-rootish></app-rootish></body>', 'abc+/=')).toBe(
      '<body><app-root ngCspNonce="abc+/="></app-root><app-rootish></app-rootish></body>',
    );
  });

  it('should keep attributes already on <app-root>', () => {
    expect(injectCspNonce('<app-root class="x">', 'n')).toBe('<app-root ngCspNonce="n" class="x">');
  });

  it('should leave a page without <app-root> unchanged', () => {
    expect(injectCspNonce('<html><body>hi</body></html>', 'n')).toBe('<html><body>hi</body></html>');
  });
});
