// `npm run bench:wizard`: the wizard DOM benchmark runs as the H5 build in jsdom, with the set-up of the
// project's h5 tests (jest.config.js), on bench/*.bench.tsx files only.
const { join } = require('node:path')
const root = require('../jest.config.js')

const h5 = root.projects.find((p) => p.displayName === 'h5')
module.exports = {
  projects: [{ ...h5, displayName: 'bench', rootDir: join(__dirname, '..'), testMatch: ['<rootDir>/bench/**/*.bench.tsx'] }],
}
