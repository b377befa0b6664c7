import check from '../../shell/checks/sudo-used.js';
import { gitlabCiShellRule } from '../shell-rule.js';

export default gitlabCiShellRule(check);
