import check from '../../shell/checks/apt-instead-of-apt-get.js';
import { gitlabCiShellRule } from '../shell-rule.js';

export default gitlabCiShellRule(check);
