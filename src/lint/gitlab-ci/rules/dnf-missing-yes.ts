import check from '../../shell/checks/dnf-missing-yes.js';
import { gitlabCiShellRule } from '../shell-rule.js';

export default gitlabCiShellRule(check);
