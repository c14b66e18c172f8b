// A Vite plugin: each web module that imports Element Plus components by name (import { ElButton,
// vLoading } from 'element-plus') also imports those components' CSS. Every page's chunk then
// carries only the styles it uses instead of the whole theme (≈ 340 kB) on the first load.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const components = path.join(path.dirname(require.resolve('element-plus/package.json')), 'es/components');
/** exports whose styles live under another component's folder */
const folderOf = { AutoResizer: 'table-v2' };

const kebab = (name) => name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();

/** 'ElTableV2' → 'table-v2', 'vLoading' → 'loading'; null when it has no styles of its own (a type, a helper). */
export function styleFolder(name) {
  const bare = /^El[A-Z]/.test(name) ? name.slice(2) : /^v[A-Z]/.test(name) ? name.slice(1) : null;
  if (!bare) return null;
  const folder = folderOf[bare] ?? kebab(bare);
  return fs.existsSync(path.join(components, folder, 'style/css.mjs')) ? folder : null;
}

export function elementPlusStyles() {
  return {
    name: 'cityops-element-plus-styles',
    transform(code, id) {
      if (id.includes('node_modules') || !/\/src\/web\//.test(id)) return null;
      const imports = [...code.matchAll(/import\s*\{([^}]*)\}\s*from\s*['"]element-plus['"]/g)];
      if (imports.length === 0) return null;
      const folders = new Set();
      for (const m of imports) {
        for (const part of m[1].split(',')) {
          const name = part.trim().replace(/^type\s+/, '').split(/\s+as\s+/)[0]?.trim();
          const folder = name && !part.trim().startsWith('type ') ? styleFolder(name) : null;
          if (folder) folders.add(folder);
        }
      }
      if (folders.size === 0) return null;
      const styles = [...folders].map((f) => `import 'element-plus/es/components/${f}/style/css';`).join('\n');
      return { code: `${code}\n${styles}\n`, map: null };
    },
  };
}
