import check from '../../shell/checks/chmod-world-writable.js';
import { gitlabCiShellRule } from '../shell-rule.js';

export default gitlabCiShellRule(check);
