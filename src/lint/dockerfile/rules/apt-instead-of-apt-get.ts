import check from '../../shell/checks/apt-instead-of-apt-get.js';
import { dockerfileShellRule } from '../shell-rule.js';

export default dockerfileShellRule(check);
