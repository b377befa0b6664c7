import check from '../../shell/checks/go-package-unpinned.js';
import { gitlabCiShellRule } from '../shell-rule.js';

export default gitlabCiShellRule(check);
