import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

// One build for the three faces: the Electron main process and the CLI share the Node bundle
// (src/main is Electron-free except src/main/app), the preload is a single sandbox-safe file,
// and the renderer is a plain web app that browser mode serves as-is.
export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          cli: resolve(__dirname, 'src/cli/index.ts'),
          bench: resolve(__dirname, 'src/bench/index.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload can require only a few Electron modules: bundle zod and the contract in.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') },
        // sandbox: true forbids require() of anything but a few Electron modules, so the
        // preload must be one self-contained file.
        output: { format: 'cjs', inlineDynamicImports: true, entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    build: {
      rollupOptions: { input: resolve(__dirname, 'src/renderer/index.html') },
    },
    plugins: [react()],
  },
});
