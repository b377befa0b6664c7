import check from '../../shell/checks/gem-package-unpinned.js';
import { gitlabCiShellRule } from '../shell-rule.js';

export default gitlabCiShellRule(check);
