import check from '../../shell/checks/apt-get-missing-yes.js';
import { gitlabCiShellRule } from '../shell-rule.js';

export default gitlabCiShellRule(check);
