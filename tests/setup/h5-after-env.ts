// jsdom lacks a few browser APIs that Taro's H5 runtime touches.
if (!(globalThis as any).IntersectionObserver) {
  ;(globalThis as any).IntersectionObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
  }
}
if (!window.scrollTo) (window as any).scrollTo = () => {}
