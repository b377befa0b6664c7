import check from '../../shell/checks/npm-package-unpinned.js';
import { gitlabCiShellRule } from '../shell-rule.js';

export default gitlabCiShellRule(check);
