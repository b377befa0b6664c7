import check from '../../shell/checks/apk-package-unpinned.js';
import { dockerfileShellRule } from '../shell-rule.js';

export default dockerfileShellRule(check);
