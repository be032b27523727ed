// `npm run docs:permissions`: writes docs/permissions.md from the permission matrix (tests/permissions/matrix.ts).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { permissionsDoc } from './matrix';

writeFileSync(join(process.cwd(), 'docs', 'permissions.md'), await permissionsDoc());
console.log('docs/permissions.md written');
