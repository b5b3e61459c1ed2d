import webConfig from '../../../../tools/eslint/web.mjs';

export default webConfig;
